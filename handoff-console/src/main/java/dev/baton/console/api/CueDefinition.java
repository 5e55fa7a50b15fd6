package dev.baton.console.api;

/**
 * One of Baton's cue kinds, the reasons a conversation goes to a person, as the console shows them. The
 * console knows no cue by name: its pages and its queue order read these, which Baton derives from its own
 * definition of each cue.
 *
 * @param name      the wire name, as a handoff's reasons and rules.yaml write it ({@code sadness_grief})
 * @param label     a few plain words for it ({@code grief}, {@code asked for a person})
 * @param sensitive only people who opted in to sensitive conversations ({@code sensitive: true} in team.yaml)
 *                  are given it
 * @param alwaysOn  rules.yaml can make it more or less sensitive but never turn it off
 * @param rank      where it puts a handoff in the queue, among those of the same hold and priority: 0 first
 *                  (and ahead of every priority), 1 before the rest, {@value #IN_TURN} in turn; a handoff takes
 *                  the lowest rank of all its reasons
 */
public record CueDefinition(String name, String label, boolean sensitive, boolean alwaysOn, int rank) {

    /** The rank of the ordinary reasons, and of any reason the console does not know. */
    public static final int IN_TURN = 2;
}
