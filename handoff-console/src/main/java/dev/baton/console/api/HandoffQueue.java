package dev.baton.console.api;

import java.util.List;
import java.util.Optional;

/** The queue of handoffs and each one's whole story, for reading: the queue page, a handoff's page. */
public interface HandoffQueue {

    /** Every open handoff (waiting, claimed, transferred), in no particular order: the console sorts. */
    List<QueueEntry> queue();

    /** Recently resolved handoffs, newest first, so they can be looked at and reopened. */
    List<QueueEntry> recentlyResolved(int limit);

    /** The whole story of one handoff as it stands now (the transcript includes messages since the handoff). */
    Optional<HandoffDetail> handoff(long id);
}
