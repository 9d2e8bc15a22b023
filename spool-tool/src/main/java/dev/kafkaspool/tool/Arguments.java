package dev.kafkaspool.tool;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * A command's arguments: one spool directory and {@code --name value} (or {@code --name=value})
 * options, checked against the options the command knows. Parsed by Commons CLI (which Chronicle
 * Queue brings), without abbreviated option names; its errors are rephrased as {@link UsageException}s.
 * <b>Immutable.</b>
 */
final class Arguments {
    private final Path directory;
    private final CommandLine line;

    private Arguments(Path directory, CommandLine line) {
        this.directory = directory;
        this.line = line;
    }

    /**
     * @param valued options that take a value, with their dashes ({@code --limit})
     * @param flags options without a value
     * @throws UsageException naming what is wrong
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        Options options = new Options();
        valued.forEach(name -> options.addOption(Option.builder().longOpt(bare(name)).hasArg().build()));
        flags.forEach(name -> options.addOption(Option.builder().longOpt(bare(name)).build()));
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).build()
                    .parse(options, args.toArray(new String[0]));
        } catch (MissingArgumentException e) {
            throw new UsageException("--" + e.getOption().getLongOpt() + " needs a value");
        } catch (UnrecognizedOptionException e) {
            String token = e.getOption();
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            throw new UsageException(flags.contains(name) ? name + " takes no value" : "unknown option " + name);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> positional = line.getArgList();
        if (positional.isEmpty()) {
            throw new UsageException("the spool directory is missing");
        }
        if (positional.size() > 1) {
            throw new UsageException("one spool directory expected, got '" + positional.get(0) + "' and '"
                    + positional.get(1) + "'");
        }
        return new Arguments(Path.of(positional.get(0)), line);
    }

    private static String bare(String option) {
        return option.substring(2);
    }

    Path directory() {
        return directory;
    }

    boolean has(String option) {
        return line.hasOption(bare(option));
    }

    /** The option's value (the last one if given twice), or null. */
    String value(String option) {
        String[] values = line.getOptionValues(bare(option));
        return values == null ? null : values[values.length - 1];
    }

    /** Every value of a repeatable option. */
    List<String> values(String option) {
        String[] values = line.getOptionValues(bare(option));
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** Splits {@code key=value}. */
    static String[] keyValue(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " expects KEY=VALUE, got '" + text + "'");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }
}
