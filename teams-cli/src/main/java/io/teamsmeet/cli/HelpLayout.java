package io.teamsmeet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Lays out every command's help for the terminal, wrapping lines at spaces only.
 *
 * <p>Picocli wraps with a {@link java.text.BreakIterator}, which may break after {@code /}, {@code
 * .}, {@code :} or {@code +}: {@code ~/.config/teams-meetings} became {@code ~/.} and {@code
 * config/teams-meetings}, {@code 10:00+01:00} became {@code 10:00+01:} and {@code 00}, neither of
 * which can be copied back. So picocli renders each section on lines as long as they need, and this
 * class wraps them at spaces to the terminal's width, with picocli's own indents: a wrapped option,
 * command or exit-code description goes on two columns right of where it started, a synopsis under
 * the first option. A word longer than a line is left whole.
 *
 * <p>The width is {@code $COLUMNS} when set, else what picocli detects for the terminal (80 when
 * there is none).
 */
final class HelpLayout {

  /** Wide enough that picocli never wraps a line itself. */
  private static final int UNWRAPPED = 10_000;

  /** Picocli's own minimum. */
  private static final int MIN_WIDTH = 55;

  private HelpLayout() {}

  /** Applies the layout to {@code root} and every subcommand. */
  static void apply(CommandLine root, Map<String, String> env) {
    int[] width = {0}; // detected once, when help is first shown: detecting may start a process
    apply(
        root,
        () -> {
          if (width[0] == 0) {
            width[0] = width(env);
          }
          return width[0];
        });
  }

  private static void apply(CommandLine command, IntSupplier width) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    usage.autoWidth(false);
    usage.width(UNWRAPPED);
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    usage
        .sectionMap()
        .forEach((key, renderer) -> sections.put(key, wrapping(key, renderer, width, command)));
    usage.sectionMap(sections);
    command.getSubcommands().values().forEach(sub -> apply(sub, width));
  }

  private static IHelpSectionRenderer wrapping(
      String key, IHelpSectionRenderer renderer, IntSupplier width, CommandLine command) {
    if (key.endsWith("Heading")) {
      return renderer; // "Usage: ", "Exit codes:%n": short, and their spaces matter
    }
    return help -> {
      String text = renderer.render(help);
      switch (key) {
        case UsageMessageSpec.SECTION_KEY_SYNOPSIS:
          {
            // continued under the first option, after "Usage: teams meeting create "
            int heading = help.synopsisHeadingLength();
            int indent = heading + command.getCommandSpec().qualifiedName().length() + 1;
            String wrapped = wrap(" ".repeat(heading) + text, width.getAsInt(), Rule.at(indent));
            return wrapped.substring(heading);
          }
        case UsageMessageSpec.SECTION_KEY_OPTION_LIST:
        case UsageMessageSpec.SECTION_KEY_PARAMETER_LIST:
        case UsageMessageSpec.SECTION_KEY_COMMAND_LIST:
        case UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST:
        case UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS:
          return wrap(text, width.getAsInt(), Rule.LIST);
        default:
          return wrap(text, width.getAsInt(), Rule.PARAGRAPH);
      }
    };
  }

  /** Where a line may first be broken, and where its continuation lines start. */
  @FunctionalInterface
  interface Rule {
    /** {@code {first column a break may follow, indent of the continuation lines}}. */
    int[] of(String line);

    /** Continued at a fixed column. */
    static Rule at(int indent) {
      return line -> new int[] {indent, indent};
    }

    /** Continued where the line's text starts. */
    Rule PARAGRAPH =
        line -> {
          int lead = leadingSpaces(line, 0);
          return new int[] {lead, lead};
        };

    /**
     * {@code " -v, --verbose Log each..."}, {@code " 3 reconnect..."}: the text after the first gap
     * of two spaces, continued two columns right of it; a row with no gap is a description on a row
     * of its own.
     */
    Rule LIST =
        line -> {
          int lead = leadingSpaces(line, 0);
          int gap = line.indexOf("  ", lead);
          int text = gap < 0 ? lead : leadingSpaces(line, gap);
          return new int[] {text, text + 2};
        };
  }

  private static int leadingSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Wraps each line of {@code text} longer than {@code width} at spaces. */
  static String wrap(String text, int width, Rule rule) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    String[] lines = text.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      boolean cr = line.endsWith("\r");
      String eol = cr ? "\r\n" : "\n";
      line = cr ? line.substring(0, line.length() - 1) : line;
      if (line.length() > width) {
        line = line.stripTrailing();
      }
      int[] layout = rule.of(line);
      int from = layout[0];
      String indent = " ".repeat(layout[1]);
      while (line.length() > width) {
        int cut = line.lastIndexOf(' ', width);
        if (cut <= from) {
          cut = line.indexOf(' ', Math.max(from, width)); // a word longer than the line: whole
        }
        if (cut < 0 || cut <= from) {
          break;
        }
        out.append(line.substring(0, cut).stripTrailing()).append(eol);
        line = indent + line.substring(cut).stripLeading();
        from = indent.length();
      }
      out.append(line);
      if (n < lines.length - 1) {
        out.append(eol);
      }
    }
    return out.toString();
  }

  /** {@code $COLUMNS}, else the terminal's width as picocli detects it (80 without a terminal). */
  static int width(Map<String, String> env) {
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        return Math.max(MIN_WIDTH, Integer.parseInt(columns.strip()));
      } catch (NumberFormatException e) {
        // not a number: detect
      }
    }
    return new UsageMessageSpec().autoWidth(true).width();
  }
}
