package dev.baton.routing;

import java.io.StringReader;

/**
 * The roster most tests use: Alex (billing, not opted in to sensitive conversations) and Sam
 * (support, opted in), both on shift all week, typical pickup 10 minutes.
 */
public final class TwoPersonTeam {

    private TwoPersonTeam() {
    }

    /** As {@code config/team.yaml} would hold it, with the two people's Discord user ids. */
    public static String yaml(String alexDiscordId, String samDiscordId) {
        return """
                typical_pickup_minutes: 10
                people:
                  - id: alex
                    name: Alex
                    discord_user_id: "%s"
                    team: billing
                    topics: [billing, account]
                    hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                  - id: sam
                    name: Sam
                    discord_user_id: "%s"
                    team: support
                    topics: [install, printing]
                    hours: {zone: UTC, shifts: ["mon-sun 00:00-23:59"]}
                    sensitive: true
                """.formatted(alexDiscordId, samDiscordId);
    }

    public static Roster roster(String alexDiscordId, String samDiscordId) {
        return RosterLoader.parse("team.yaml", new StringReader(yaml(alexDiscordId, samDiscordId)));
    }
}
