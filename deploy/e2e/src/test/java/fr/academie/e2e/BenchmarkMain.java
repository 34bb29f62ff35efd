package fr.academie.e2e;

/** A benchmark's {@code main}: it ends the JVM when done, with 1 when it failed, so that its stack stops with it. */
final class BenchmarkMain {

    /** A benchmark's body. */
    interface Body {
        void run() throws Exception;
    }

    private BenchmarkMain() {
    }

    /** Runs the body, then exits: the stack's processes stop with the JVM (TestStack's shutdown hook). */
    static void run(Body body) {
        int status = 1;
        try {
            body.run();
            status = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        }
        System.exit(status);
    }
}
