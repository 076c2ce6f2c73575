package io.datasetserver.transfer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code make import FROM=DIR}: imports an export folder into the server at {@code SERVER_URL}
 * (default {@code http://127.0.0.1:8080}) with {@code API_KEY} (default the development key). Exit
 * status 1 when anything failed or conflicted, 2 for a usage error.
 */
public final class ImportMain {
  private ImportMain() {}

  public static void main(String[] args) {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: make import FROM=<folder written by an export>");
      System.exit(2);
    }
    Importer.Summary summary = new Importer(Commands.client(), System.out).run(Path.of(args[0]));
    System.exit(summary.exitStatus());
  }
}
