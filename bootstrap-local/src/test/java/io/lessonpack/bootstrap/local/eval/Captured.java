package io.lessonpack.bootstrap.local.eval;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Stand-ins for a command's standard output and error that a test reads back. */
final class Captured {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String outText() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written to the output so far. */
    void clearOut() {
        outBytes.reset();
    }
}
