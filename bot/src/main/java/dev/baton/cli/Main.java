package dev.baton.cli;

/** {@code java -jar baton.jar [command] [options]}; see {@link Cli} for the commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.in, System.out, System.err).run(args));
    }
}
