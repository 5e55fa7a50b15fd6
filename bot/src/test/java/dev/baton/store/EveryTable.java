package dev.baton.store;

import dev.baton.aftercare.AfterCare;
import dev.baton.aftercare.Verdict;
import dev.baton.bridge.SqliteAccessLog;
import dev.baton.bridge.SqliteAccounts;
import dev.baton.cluster.Lease;
import dev.baton.cluster.LeasePlan;
import dev.baton.cluster.LeaseStore;
import dev.baton.bridge.StoredSessions;
import dev.baton.bridge.StoredSetupLinks;
import dev.baton.console.api.SessionStore;
import dev.baton.console.api.SetupLinkStore;
import dev.baton.console.api.AccessLog;
import dev.baton.console.api.Account;
import dev.baton.conversation.AuthorKind;
import dev.baton.conversation.ConversationRecord;
import dev.baton.conversation.ConversationStore;
import dev.baton.conversation.ConversationStore.NewMessage;
import dev.baton.desk.StoredDecisions;
import dev.baton.feedback.FeedbackKind;
import dev.baton.handoff.HandoffRecord;
import dev.baton.handoff.HandoffStore;
import dev.baton.handoff.HandoffWording;
import dev.baton.handoff.Outcome;
import dev.baton.health.History;
import dev.baton.knowledge.KnowledgeBase;
import dev.baton.knowledge.KnowledgeEntry;
import dev.baton.knowledge.Match;
import dev.baton.live.RulesInForce;
import dev.baton.metrics.BatonMetrics;
import dev.baton.reload.RuleChangeLog;
import dev.baton.repeats.Kind;
import dev.baton.repeats.RepeatCheckStore;
import dev.baton.rules.RuleBook;
import dev.baton.triage.Cue;
import dev.baton.triage.CueKind;
import dev.baton.triage.Decision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A stopped Baton's SQLite file with rows in every table, each written through Baton's own stores as Baton
 * writes them: answered and handed-off conversations, an edited message, decisions (with doubles that have no
 * short decimal form), a claimed and resolved handoff with feedback, after-care and a repeat check, another
 * handoff still open, a console account, the access log and a rule change. Texts carry non-ASCII on purpose.
 */
public final class EveryTable {

    /** A bcrypt hash as the console makes it; stored as given. */
    public static final String HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    /** What the tests read back after a copy. */
    public record Written(long resolvedHandoff, long openHandoff, long conversation, long editedMessage) {
    }

    private EveryTable() {
    }

    /** The after-care service over {@code database}'s stores, as Baton builds it with the default rules. */
    public static AfterCare aftercare(Database database, Clock clock) {
        return aftercare(new HandoffStore(database), new ConversationStore(database), clock);
    }

    private static AfterCare aftercare(HandoffStore handoffs, ConversationStore conversations, Clock clock) {
        return new AfterCare(handoffs, conversations, () -> new RulesInForce(null, new KnowledgeBase("none",
                List.of()), History.ROSTER, HandoffWording.defaults(), RuleBook.defaults()),
                BatonMetrics.standalone(), clock);
    }

    /** Writes the file and closes it, as a Baton that stopped cleanly leaves it. */
    public static Written write(Path file) {
        try (History history = new History(Database.open(file))) {
            Database database = history.database;
            history.at("2026-11-02T09:00:00Z");
            history.answered();
            history.after(Duration.ofMinutes(5));

            HandoffRecord handoff = history.handoff().reason("anger").create();
            ConversationRecord conversation = history.conversations.conversation(handoff.conversationId())
                    .orElseThrow();
            long given = history.conversations.insert(new NewMessage("1290000000000000001", conversation.id(),
                    conversation.replyChannelId(), conversation.customerId(), "Zoë", AuthorKind.CUSTOMER,
                    "Order LP-48213, charged twice — 2× €4 😠", List.of("receipt.png"), null, null,
                    history.clock.instant())).orElseThrow();
            history.after(Duration.ofSeconds(30));
            history.conversations.recordEdit("1290000000000000001", "Order LP-48213, charged twice (2× €4)",
                    history.clock.instant());
            StoredDecisions.record(database, conversation.id(), given, new Decision.Handoff(List.of(CueKind.ANGER),
                            0.1 + 0.2, List.of(new Cue(CueKind.ANGER, 2.0 / 3, 0, "charged twice"))),
                    new Match(new KnowledgeEntry("plus-price", "billing", List.of("How much is Plus?"), "$4", null),
                            1.0 / 3, "How much is Plus?"), true, history.clock.instant());

            history.after(Duration.ofMinutes(2)).lifecycle.claim(handoff.id(), "alex");
            long asked = history.conversations.insert(new NewMessage(null, conversation.id(),
                    conversation.replyChannelId(), "alex-discord", "Alex", AuthorKind.STAFF,
                    "Could you send me your order number?", List.of(), null, null, history.clock.instant()))
                    .orElseThrow();
            HandoffRecord resolved = history.after(Duration.ofMinutes(3)).lifecycle.resolve(handoff.id(), "alex",
                    Outcome.SOLVED, "refunded");
            history.feedback(handoff, "alex", FeedbackKind.NEEDED_PERSON);

            AfterCare aftercare = aftercare(history.handoffs, history.conversations, history.clock);
            aftercare.ask(resolved, "alex").orElseThrow();
            aftercare.answer(handoff.id(), conversation.customerId(), Verdict.UP);
            new RepeatCheckStore(database, history.handoffs).record(handoff.id(),
                    Optional.of(new RepeatCheckStore.Found(Kind.STAFF_REASKED, asked, given, 0.7)),
                    history.clock.instant());

            HandoffRecord open = history.after(Duration.ofMinutes(1)).handoff().reason("anger").to("sam").create();

            new SqliteAccounts(database).save(new Account("alex", HASH, Account.Role.AGENT,
                    history.clock.instant(), history.clock.instant()));
            new SqliteAccessLog(database).record(new AccessLog.Entry(history.clock.instant(), "alex",
                    "opened handoff " + open.id(), open.id(), "127.0.0.1"));
            new RuleChangeLog(database).record(history.clock.instant(), "alex", "rules.yaml",
                    RuleChangeLog.Status.REJECTED, "--- rules.yaml\n+++ rules.yaml\n-a\n+b\n",
                    List.of("rules.yaml:3:5: unknown key"));
            new StoredSessions(database).put(new SessionStore.Stored("a1b2c3", "alex", "csrf-1",
                    history.clock.instant(), history.clock.instant()));
            new StoredSetupLinks(database).replaceFor(new SetupLinkStore.Stored("d4e5f6", "sam",
                    history.clock.instant().plus(Duration.ofHours(1))));
            new LeaseStore(database).apply(new LeasePlan.Step.Take(0, 1, Optional.empty(),
                    new Lease(0, 1, "baton-a", 1, history.clock.instant().plusSeconds(10))), history.clock.instant());
            return new Written(handoff.id(), open.id(), conversation.id(), given);
        }
    }
}
