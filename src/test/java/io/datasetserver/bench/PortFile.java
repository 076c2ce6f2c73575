package io.datasetserver.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a child server tells {@link ServerProcess} where it listens: its ports on one line, the API's
 * first. Written under another name and then moved, so the parent never reads half a file.
 */
final class PortFile {
  private PortFile() {}

  static void write(Path file, int... ports) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    String line = Arrays.stream(ports).mapToObj(String::valueOf).collect(Collectors.joining(" "));
    Files.writeString(partial, line, StandardCharsets.US_ASCII);
    Files.move(partial, file);
  }

  static List<Integer> read(Path file) throws IOException {
    return Arrays.stream(Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+"))
        .map(Integer::valueOf)
        .toList();
  }
}
