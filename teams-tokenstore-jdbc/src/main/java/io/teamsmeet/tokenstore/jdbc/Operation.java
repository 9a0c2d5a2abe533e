package io.teamsmeet.tokenstore.jdbc;

/** What the store was doing when the database failed; named in exception messages. */
enum Operation {
  LOAD("load"),
  SAVE("save"),
  DELETE("delete"),
  CREATE_TABLE("create-table");

  private final String label;

  Operation(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
