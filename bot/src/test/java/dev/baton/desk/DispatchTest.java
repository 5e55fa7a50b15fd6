package dev.baton.desk;

import static dev.baton.rules.RuleBookBuilder.rules;
import static dev.baton.rules.RuleBookBuilder.then;
import static dev.baton.rules.RuleBookBuilder.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.routing.Roster;
import dev.baton.routing.RosterLoader;
import dev.baton.routing.Workload;
import dev.baton.rules.RouteFacts;
import dev.baton.rules.RuleBook;
import dev.baton.triage.CueKind;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** From the rules to a person: the matching route's target is the pool the router chooses within. Pure. */
class DispatchTest {

    private static final Instant NOW = Instant.parse("2024-06-12T12:00:00Z");
    private static final String BILLING = "1180000000000000001";
    private static final Roster ROSTER = RosterLoader.parse("team.yaml", new StringReader("""
            people:
              - {id: alex, name: Alex, discord_user_id: "100000000000000001", team: billing, topics: [billing],
                 hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
              - {id: dana, name: Dana, discord_user_id: "100000000000000002", team: billing,
                 hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
              - {id: sam, name: Sam, discord_user_id: "100000000000000003", team: support, sensitive: true,
                 hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
              - {id: mei, name: Mei, discord_user_id: "100000000000000004", team: community, sensitive: true,
                 seniority: 2, hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}}
            """));
    private static final RuleBook RULES = rules()
            .route("grief", when().cue(CueKind.SADNESS_GRIEF), then().team("billing"))
            .route("billing", when().channel(BILLING), then().team("billing").privateThread(false))
            .route("plus", when().role("Lumen Plus"), then().person("dana").privateThread(true))
            .otherwise(then().team("support"))
            .build();

    @ParameterizedTest(name = "{0} in {1} from {2}: {3} to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # reason       | channel   | role       | rule    | person | why starts with
            anger          | #billing  | member     | billing | alex   | billing topic; on shift
            anger          | #billing  | Lumen Plus | billing | alex   | billing topic; on shift
            anger          | #general  | Lumen Plus | plus    | dana   | no topic match for billing; on shift
            anger          | #general  | member     | default | sam    | no topic match for billing; on shift
            sadness_grief  | #billing  | member     | grief   | sam    | nobody eligible in billing team; sensitive
            crisis         | #general  | member     | default | sam    | crisis: only people who take sensitive
            """)
    void theFirstMatchingRoutesTargetIsThePoolTheRouterChoosesWithin(String reason, String channel, String role,
                                                                       String rule, String person, String why) {
        RouteFacts facts = new RouteFacts(Set.of(CueKind.fromWire(reason)), Set.of("billing"),
                channel.equals("#billing") ? BILLING : "1180000000000000002", null, List.of(role), NOW);

        Dispatch dispatch = Dispatch.of(RULES, ROSTER, Workload.empty(), facts, false);

        assertEquals(rule, dispatch.route().name());
        assertEquals(person, dispatch.routing().person().id(), dispatch.routing().why());
        assertTrue(dispatch.routing().why().startsWith(why), dispatch.routing().why());
    }

    @ParameterizedTest(name = "route says {0}, discord.yaml says {1}: private={2}")
    @CsvSource({
            "nothing, false, false",
            "nothing, true,  true",
            "false,   true,  false",
            "true,    false, true",
    })
    void aRoutesPrivateThreadChoiceWinsOverDiscordsDefault(String route, boolean byDefault, boolean expected) {
        String role = Map.of("nothing", "member", "false", "member", "true", "Lumen Plus").get(route);
        String channel = route.equals("false") ? BILLING : "1180000000000000002";
        RouteFacts facts = new RouteFacts(Set.of(CueKind.ANGER), Set.of(), channel, null, List.of(role), NOW);

        assertEquals(expected, Dispatch.of(RULES, ROSTER, Workload.empty(), facts, byDefault).wantsPrivateThread());
    }
}
