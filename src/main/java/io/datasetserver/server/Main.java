package io.datasetserver.server;

import io.datasetserver.config.Config;

/** Starts the server from environment variables; SIGTERM shuts it down gracefully. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    DatasetServer server = DatasetServer.start(Config.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    Thread.currentThread().join();
  }
}
