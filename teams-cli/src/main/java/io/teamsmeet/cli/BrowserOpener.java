package io.teamsmeet.cli;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.net.URI;

/**
 * Opens the Microsoft sign-in page for {@code teams connect}. Injected so that tests drive the
 * sign-in with an HTTP client instead of a browser.
 */
@FunctionalInterface
interface BrowserOpener {

  /**
   * Asks a browser to open {@code uri} and returns at once, without waiting for the page: the
   * browser's redirect comes back to the command's loopback listener while it waits.
   *
   * @return true if a browser was asked to open it; false if there is none (the URL is printed
   *     either way)
   */
  boolean open(URI uri);

  /** The system browser through {@link Desktop}, when the machine has a display; else none. */
  static BrowserOpener system() {
    return uri -> {
      try {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) {
          return false;
        }
        Desktop desktop = Desktop.getDesktop();
        if (!desktop.isSupported(Desktop.Action.BROWSE)) {
          return false;
        }
        desktop.browse(uri);
        return true;
      } catch (Exception | LinkageError e) {
        // No usable desktop (no display, no browser registered): the printed URL is the fallback.
        return false;
      }
    };
  }

  /** Never opens anything (for {@code --no-browser}). */
  static BrowserOpener none() {
    return uri -> false;
  }
}
