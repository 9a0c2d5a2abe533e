package io.teamsmeet.testkit;

/** Where the fake's two services live, known once the server has its port. */
final class Bases {

  static final String IDENTITY_PREFIX = "login.microsoftonline.com";
  static final String GRAPH_PREFIX = "graph.microsoft.com";

  private volatile String origin = "http://127.0.0.1";

  void origin(String value) {
    this.origin = value;
  }

  /** {@code http://127.0.0.1:port/login.microsoftonline.com}, no trailing slash. */
  String identity() {
    return origin + "/" + IDENTITY_PREFIX;
  }

  /** {@code http://127.0.0.1:port/graph.microsoft.com}, no trailing slash, no version. */
  String graph() {
    return origin + "/" + GRAPH_PREFIX;
  }

  /** The identity base's path, for links in pages: {@code /login.microsoftonline.com}. */
  String identityPath() {
    return "/" + IDENTITY_PREFIX;
  }
}
