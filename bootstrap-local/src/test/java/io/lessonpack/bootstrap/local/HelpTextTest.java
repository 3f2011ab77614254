package io.lessonpack.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lessonpack help}, Main's help and each command's own usage say the same thing: the same commands,
 * each with the synopsis (flags) its parser's usage gives, and the script handles every command it lists.
 */
class HelpTextTest {

    private static final Path SCRIPT = Path.of("..", "lessonpack");
    /** A command line of a help text: two spaces, the name and its flags, then the description after 2+ spaces. */
    private static final Pattern COMMAND_LINE = Pattern.compile("^  ([a-z][a-z-]*)(?: (.*?))?(?: {2,}.*)?$");
    private static final Pattern CASE_LABEL = Pattern.compile("^\\s+([a-z|-]+)\\)");
    private static final List<String> SCRIPT_ONLY = List.of("test", "install", "example", "help");

    @Test
    void mainsHelp_listsEveryCommand_withTheSynopsisOfItsOwnUsage() {
        Map<String, String> listed = commandLines(mainOutput("help"));

        assertThat(listed.keySet()).containsExactlyElementsOf(withHelp(Main.COMMANDS.keySet()));
        Main.COMMANDS.keySet().forEach(name ->
                assertThat(listed.get(name)).as(name).isEqualTo(ownUsage(name)));
    }

    @Test
    void theScriptsHelp_listsMainsCommandsWithTheSameFlags_andItsOwnCommandsApart() throws Exception {
        String help = script("help");
        int apart = help.indexOf("commands of this script only:");
        assertThat(apart).as("the script's own commands have their own heading").isPositive();

        Map<String, String> local = commandLines(help.substring(0, apart));
        Map<String, String> own = commandLines(help.substring(apart));

        assertThat(local.keySet()).containsExactlyElementsOf(Main.COMMANDS.keySet());
        Main.COMMANDS.keySet().forEach(name -> assertThat(local.get(name)).as(name).isEqualTo(ownUsage(name)));
        assertThat(own.keySet()).containsExactlyElementsOf(SCRIPT_ONLY);
    }

    @Test
    void theScript_handlesEveryCommandItLists() throws IOException {
        List<String> handled = new ArrayList<>();
        for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
            Matcher label = CASE_LABEL.matcher(line);
            if (label.lookingAt()) {
                handled.addAll(Arrays.asList(label.group(1).split("\\|")));
            }
        }

        assertThat(handled).containsAll(Main.COMMANDS.keySet()).containsAll(SCRIPT_ONLY);
    }

    @Test
    void anUnknownCommand_exits2_withTheHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of("fly"), new PrintStream(new ByteArrayOutputStream()), printer(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown command: fly").contains("serve [--port N]");
    }

    /** "name synopsis" from the first line of the command's own {@code --help}, "usage: name synopsis". */
    private static String ownUsage(String name) {
        String first = mainOutput(name, "--help").lines().findFirst().orElseThrow();
        assertThat(first).as(name + " --help").startsWith("usage: " + name);
        return first.substring(("usage: " + name).length()).strip();
    }

    private static Map<String, String> commandLines(String help) {
        Map<String, String> lines = new LinkedHashMap<>();
        help.lines().map(COMMAND_LINE::matcher).filter(Matcher::matches)
                .forEach(m -> lines.put(m.group(1), m.group(2) == null ? "" : m.group(2).strip()));
        return lines;
    }

    private static List<String> withHelp(Collection<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("help");
        return all;
    }

    private static String mainOutput(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), printer(out), printer(new ByteArrayOutputStream()));
        assertThat(exit).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream printer(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String script(String command) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
