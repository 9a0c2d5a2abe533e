package io.teamsmeet.it.example.guides;

import java.util.logging.Level;
import java.util.logging.Logger;

public class QuietSdkLogging {

  // java.util.logging keeps loggers weakly: hold the one you configure, or the setting is lost
  private static final Logger TEAMS = Logger.getLogger("io.teamsmeet");

  public static void warningsOnly() {
    TEAMS.setLevel(Level.WARNING);   // Level.OFF: nothing at all
  }
}
