package dev.baton.console.manage;

import dev.baton.console.api.AccessLog;
import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import dev.baton.console.api.MetricsSource;
import dev.baton.console.web.AccountRoster;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Json;
import dev.baton.console.web.Limit;
import dev.baton.console.web.Sessions;
import dev.baton.console.web.SetupTokens;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Managers only: accounts (create with a one-time setup link, change role, new link, delete), the
 * access log and the metrics. There is always at least one manager left.
 */
public final class ManageRoutes {

    static final int LOG_DEFAULT = 200;
    static final int LOG_MAX = 1000;
    public static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final AccountStore accounts;
    private final AccessLog accessLog;
    private final SetupTokens setupTokens;
    private final Sessions sessions;
    private final MetricsSource metrics;
    private final AccountRoster roster;
    private final Audit audit;
    private final Supplier<String> baseUrl;
    private final java.time.Clock clock;

    public ManageRoutes(AccountStore accounts, AccessLog accessLog, SetupTokens setupTokens, Sessions sessions,
                        MetricsSource metrics, AccountRoster roster, Audit audit, Supplier<String> baseUrl,
                        java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.setupTokens = setupTokens;
        this.sessions = sessions;
        this.metrics = metrics;
        this.roster = roster;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** {@code GET /api/accounts}: {@code {accounts, pending}}; never a password hash. */
    public void list(Context ctx) {
        List<Map<String, Object>> list = accounts.all().stream().map(a -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("username", a.username());
            out.put("name", roster.nameOf(a.username()));
            out.put("role", Json.wire(a.role()));
            out.put("onRoster", roster.mayHoldAccount(a.username()));
            out.put("createdAt", a.createdAt());
            out.put("passwordSet", a.hasPassword());
            out.put("passwordSetAt", a.hasPassword() ? a.passwordSetAt() : null);
            return out;
        }).toList();
        List<Map<String, Object>> pending = setupTokens.pending().stream().map(g -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("username", g.username());
            out.put("name", roster.nameOf(g.username()));
            out.put("role", accounts.find(g.username()).map(a -> Json.wire(a.role())).orElse(null));
            out.put("expiresAt", g.expiresAt());
            return out;
        }).toList();
        ctx.json(Map.of("accounts", list, "pending", pending));
    }

    /** {@code POST /api/accounts {username, role}}: a one-time setup link to hand to the person. */
    public void create(Context ctx) {
        Caller caller = Caller.of(ctx);
        Json body = Json.body(ctx);
        String username = body.text("username").trim();
        Account.Role role = role(body);
        if (!roster.mayHoldAccount(username)) {
            throw ApiError.badRequest("\"username\" must be the id of a person on the roster (see /api/staff)");
        }
        if (accounts.find(username).isPresent()) {
            throw ApiError.conflict(username + " already has an account; give them a new setup link instead");
        }
        // The account holds the role; the link only lets its person set a password.
        Instant now = clock.instant();
        accounts.save(new Account(username, Account.NO_PASSWORD, role, now, now));
        String token = setupTokens.issue(username);
        audit.record(ctx, caller.username(), "created a setup link for " + username + " (" + Json.wire(role) + ")");
        ctx.status(201).json(link(ctx, username, role, token));
    }

    /** {@code POST /api/accounts/{username}/setup-link}: a new link (a password reset) for an account. */
    public void newLink(Context ctx) {
        Caller caller = Caller.of(ctx);
        Account account = existing(ctx.pathParam("username"));
        String token = setupTokens.issue(account.username());
        audit.record(ctx, caller.username(), "created a new setup link for " + account.username());
        ctx.json(link(ctx, account.username(), account.role(), token));
    }

    /** {@code PUT /api/accounts/{username} {role}}. */
    public void changeRole(Context ctx) {
        Caller caller = Caller.of(ctx);
        Account account = existing(ctx.pathParam("username"));
        Account.Role role = role(Json.body(ctx));
        if (account.role() == Account.Role.MANAGER && role != Account.Role.MANAGER && account.hasPassword()
                && managers() <= 1) {
            throw ApiError.conflict("there must remain at least one manager");
        }
        accounts.save(new Account(account.username(), account.passwordHash(), role, account.createdAt(),
                account.passwordSetAt()));
        if (role != account.role()) {
            // A link handed out under the old role is withdrawn; a new one can be made.
            setupTokens.withdraw(account.username());
        }
        audit.record(ctx, caller.username(), "changed the role of " + account.username() + " to " + Json.wire(role));
        ctx.json(Map.of("username", account.username(), "role", Json.wire(role)));
    }

    /** {@code DELETE /api/accounts/{username}}: also withdraws a pending setup link. */
    public void delete(Context ctx) {
        Caller caller = Caller.of(ctx);
        String username = ctx.pathParam("username");
        Optional<Account> account = accounts.find(username);
        boolean pending = setupTokens.pending().stream().anyMatch(g -> g.username().equals(username));
        if (account.isEmpty() && !pending) {
            throw ApiError.notFound("no account " + username);
        }
        if (account.isPresent() && account.get().role() == Account.Role.MANAGER && account.get().hasPassword()
                && managers() <= 1) {
            throw ApiError.conflict("there must remain at least one manager");
        }
        setupTokens.withdraw(username);
        if (account.isPresent()) {
            accounts.delete(username);
            sessions.invalidateUser(username, null);
        }
        audit.record(ctx, caller.username(), "deleted the account of " + username);
        ctx.json(Map.of("deleted", username));
    }

    /**
     * {@code GET /api/access-log?user=&handoff=&action=&from=&to=&limit=&offset=}: newest first, one page;
     * {@code from}/{@code to} are ISO-8601 instants, {@code action} matches part of what was done.
     * Answers {@code {entries, offset, limit, more}}.
     */
    public void accessLog(Context ctx) {
        int limit = Limit.of(ctx, LOG_DEFAULT, LOG_MAX);
        int offset = wholeNumber(ctx, "offset", 0, 1_000_000);
        String handoff = blankToNull(ctx.queryParam("handoff"));
        Long handoffId = null;
        if (handoff != null) {
            try {
                handoffId = Long.parseLong(handoff);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("\"handoff\" must be a handoff id");
            }
        }
        AccessLog.Query query = new AccessLog.Query(blankToNull(ctx.queryParam("user")), handoffId,
                blankToNull(ctx.queryParam("action")), instant(ctx, "from"), instant(ctx, "to"), limit + 1, offset);
        List<AccessLog.Entry> found = accessLog.search(query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", found.size() > limit ? found.subList(0, limit) : found);
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("more", found.size() > limit);
        ctx.json(out);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static java.time.Instant instant(Context ctx, String name) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest("\"" + name + "\" must be an ISO-8601 instant like 2026-03-01T10:00:00Z");
        }
    }

    private static int wholeNumber(Context ctx, String name, int fallback, int max) {
        String raw = blankToNull(ctx.queryParam(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiError.badRequest("\"" + name + "\" must be a whole number from 0 to " + max);
    }

    /** {@code GET /metrics}: Prometheus text. */
    public void metrics(Context ctx) {
        ctx.contentType(METRICS_TYPE).result(metrics.metrics());
    }

    private Account existing(String username) {
        return accounts.find(username).orElseThrow(() -> ApiError.notFound("no account " + username));
    }

    private long managers() {
        // Only managers who can log in count: one still waiting for a setup link manages nothing.
        return accounts.all().stream().filter(a -> a.role() == Account.Role.MANAGER && a.hasPassword()).count();
    }

    private static Account.Role role(Json body) {
        String raw = body.text("role");
        try {
            return Account.Role.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("\"role\" must be agent or manager");
        }
    }

    private Map<String, Object> link(Context ctx, String username, Account.Role role, String token) {
        // BATON_CONSOLE_URL or the bound address: never the request's Host header, which the caller chooses.
        String base = baseUrl.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("role", Json.wire(role));
        out.put("setupUrl", stripSlash(base) + "/setup?token=" + token);
        out.put("expiresAt", setupTokens.peek(token).map(SetupTokens.Grant::expiresAt).orElse(null));
        return out;
    }

    public static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
