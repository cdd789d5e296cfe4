package de.foerderregister.security;

/** What a refused start says: the messages of an exception and all its causes, one per line. */
final class StartRefusals {

    private StartRefusals() {
    }

    static String causes(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
