package dev.baton.console.auth;

import dev.baton.console.api.Account;
import dev.baton.console.api.AccountStore;
import dev.baton.console.web.AccountRoster;
import dev.baton.console.web.ApiError;
import dev.baton.console.web.Audit;
import dev.baton.console.web.Caller;
import dev.baton.console.web.Guard;
import dev.baton.console.web.Json;
import dev.baton.console.web.Secrets;
import dev.baton.console.web.Sessions;
import dev.baton.console.web.SetupTokens;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Login, logout, first-time password setup, password change and {@code /api/me}.
 *
 * <p>A wrong password and an unknown user name get the same answer and take the same time (bcrypt
 * runs either way). Failures are counted per (user name, address), per address and per user name by
 * {@link LoginLimiter}, so that nobody can lock another person out.
 */
public record AuthRoutes(AccountStore accounts, Sessions sessions, Passwords passwords, LoginLimiter limiter, SetupTokens setupTokens, AccountRoster roster, Audit audit, Clock clock) {

    private static final String WRONG_LOGIN = "wrong user name or password";

    /** {@code GET /api/csrf}: the pre-session CSRF token for the login and setup forms. */
    public void formToken(Context ctx) {
        String token = ctx.cookie(Guard.FORM_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = Secrets.token();
            Guard.setCookie(ctx, Guard.FORM_COOKIE, token);
        }
        ctx.json(Map.of("csrfToken", token));
    }

    /** {@code POST /api/login {username, password}}. */
    public void login(Context ctx) {
        Json body = Json.body(ctx);
        String username = body.optionalText("username").map(String::trim).orElse("");
        String password = body.optionalText("password").orElse("");
        if (username.isEmpty()) {
            throw ApiError.badRequest("\"username\" is required");
        }
        if (password.isEmpty()) {
            throw ApiError.badRequest("\"password\" is required");
        }
        String address = ctx.ip();
        Optional<Duration> wait = limiter.retryAfter(username, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            audit.loginAttempt(ctx, username, "login refused: too many failed attempts");
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiError(429, "too many failed logins; try again in " + minutes(seconds));
        }
        Optional<Account> account = accounts.find(username);
        if (!passwords.matches(password, account.map(Account::passwordHash).orElse(null))) {
            limiter.failed(username, address);
            audit.loginAttempt(ctx, username, "login failed");
            throw new ApiError(401, WRONG_LOGIN);
        }
        limiter.succeeded(username, address);
        startSession(ctx, account.get().username());
        audit.record(ctx, account.get().username(), "logged in");
        ctx.json(me(account.get().username(), account.get().role(), currentSession(ctx)));
    }

    /** {@code POST /api/logout}. */
    public void logout(Context ctx) {
        Caller caller = Caller.of(ctx);
        sessions.invalidate(caller.session().id());
        Guard.clearCookie(ctx, Guard.SESSION_COOKIE);
        audit.record(ctx, caller.username(), "logged out");
        ctx.json(Map.of("status", "logged out"));
    }

    /** {@code GET /api/me}: who is logged in, and the CSRF token for their state changes. */
    public void me(Context ctx) {
        Caller caller = Caller.of(ctx);
        ctx.json(me(caller.username(), caller.role(), caller.session()));
    }

    /** {@code GET /api/setup?token=…}: whom a setup link is for, so the page can say so. */
    public void setupInfo(Context ctx) {
        SetupTokens.Grant grant = setupTokens.peek(ctx.queryParam("token")).orElseThrow(AuthRoutes::unknownLink);
        Account account = accounts.find(grant.username()).orElseThrow(AuthRoutes::unknownLink);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", grant.username());
        out.put("name", roster.nameOf(grant.username()));
        out.put("role", Json.wire(account.role()));
        out.put("expiresAt", grant.expiresAt());
        ctx.json(out);
    }

    /** {@code POST /api/setup {token, password}}: sets the password once and logs in. */
    public void setup(Context ctx) {
        Json body = Json.body(ctx);
        String token = body.text("token");
        String password = body.optionalText("password").orElse("");
        SetupTokens.Grant peeked = setupTokens.peek(token).orElse(null);
        String forWhom = peeked == null ? null : peeked.username();
        Passwords.problem(password, forWhom, forWhom == null ? null : roster.nameOf(forWhom)).ifPresent(p -> {
            throw ApiError.badRequest("\"password\": " + p);
        });
        if (peeked == null) {
            throw unknownLink();
        }
        String hash = passwords.hash(password);
        SetupTokens.Grant grant = setupTokens.redeem(token).orElseThrow(AuthRoutes::unknownLink);
        // The link carries no role: whatever the account says now applies.
        Account account = accounts.find(grant.username()).orElseThrow(AuthRoutes::unknownLink);
        accounts.save(new Account(account.username(), hash, account.role(), account.createdAt(), clock.instant()));
        sessions.invalidateUser(grant.username(), null);
        startSession(ctx, grant.username());
        audit.record(ctx, grant.username(), "set a password with a setup link");
        ctx.json(me(grant.username(), account.role(), currentSession(ctx)));
    }

    /** {@code POST /api/password {current, new}}: other sessions of this person end. */
    public void changePassword(Context ctx) {
        Caller caller = Caller.of(ctx);
        Json body = Json.body(ctx);
        String current = body.optionalText("current").orElse("");
        String fresh = body.optionalText("new").orElse("");
        Optional<Duration> wait = limiter.retryAfter(caller.username(), ctx.ip());
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
            throw new ApiError(429, "too many wrong passwords; try again later");
        }
        Account account = accounts.find(caller.username()).orElseThrow(ApiError::unauthorized);
        if (!passwords.matches(current, account.passwordHash())) {
            limiter.failed(caller.username(), ctx.ip());
            audit.record(ctx, caller.username(), "password change refused: wrong current password");
            throw ApiError.badRequest("\"current\": the current password is wrong");
        }
        Passwords.problem(fresh, caller.username(), roster.nameOf(caller.username())).ifPresent(p -> {
            throw ApiError.badRequest("\"new\": " + p);
        });
        accounts.save(new Account(account.username(), passwords.hash(fresh), account.role(), account.createdAt(),
                clock.instant()));
        sessions.invalidateUser(caller.username(), caller.session().id());
        audit.record(ctx, caller.username(), "changed own password");
        ctx.json(Map.of("status", "password changed"));
    }

    private void startSession(Context ctx, String username) {
        // A login never keeps the session id the browser came with.
        sessions.invalidate(ctx.cookie(Guard.SESSION_COOKIE));
        Sessions.Session session = sessions.create(username);
        Guard.setCookie(ctx, Guard.SESSION_COOKIE, session.id());
        ctx.attribute("baton.newSession", session);
    }

    private static Sessions.Session currentSession(Context ctx) {
        return ctx.attribute("baton.newSession");
    }

    private Map<String, Object> me(String username, Account.Role role, Sessions.Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("name", roster.nameOf(username));
        out.put("role", Json.wire(role));
        out.put("csrfToken", session.csrfToken());
        return out;
    }

    private static ApiError unknownLink() {
        return ApiError.notFound("this setup link is unknown, already used or expired; ask a manager for a new one");
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
