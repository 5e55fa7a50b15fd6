package dev.baton.console.api;

import java.util.List;

/** The people on the roster ({@code config/team.yaml}), who may hold console accounts and take handoffs. */
public interface StaffDirectory {

    List<StaffMember> staff();
}
