package io.datasetserver.api;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a file name of any characters (RFC 6266): the quoted
 * {@code filename} holds the name when it is plain printable ASCII, else a stand-in with {@code _}
 * for every other character, and then {@code filename*} carries the exact name in UTF-8
 * percent-encoding. No name can break out of the header.
 */
final class ContentDisposition {
  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  static String attachment(String fileName) {
    StringBuilder plain = new StringBuilder();
    fileName
        .codePoints()
        .forEach(
            c -> plain.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    String header = "attachment; filename=\"" + plain + "\"";
    return plain.toString().equals(fileName)
        ? header
        : header + "; filename*=UTF-8''" + percentEncoded(fileName);
  }

  private static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(String.format("%02X", c));
      }
    }
    return encoded.toString();
  }
}
