package io.datasetserver.transfer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code make export TO=DIR [FOLDER=path]}: writes the export layout for every dataset of the key's
 * organization (or those under FOLDER) from the server at {@code SERVER_URL}.
 */
public final class ExportMain {
  private ExportMain() {}

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2 || args[0].isBlank()) {
      System.err.println("usage: make export TO=<folder> [FOLDER=<dataset folder path>]");
      System.exit(2);
    }
    try {
      new Exporter(Commands.client(), System.out)
          .run(Path.of(args[0]), args.length > 1 ? args[1] : "");
    } catch (IOException | RuntimeException e) {
      System.err.println("export failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
