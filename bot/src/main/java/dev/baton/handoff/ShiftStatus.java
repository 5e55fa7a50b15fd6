package dev.baton.handoff;

import java.util.Locale;

/** Whether the person named in a notice is working now; each cue has wording for both. */
enum ShiftStatus {
    ON_SHIFT, OFF_SHIFT;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
