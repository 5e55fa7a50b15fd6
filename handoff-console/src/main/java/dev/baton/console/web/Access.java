package dev.baton.console.web;

import io.javalin.security.RouteRole;

/** Who may call a route; every route names exactly one. */
public enum Access implements RouteRole {
    /** Anyone: health check, static assets, the login and setup pages. */
    PUBLIC,
    /** Not logged in yet, changing state (login, setup): needs the pre-session CSRF cookie and header. */
    FORM,
    /** Any logged-in agent or manager. */
    SIGNED_IN,
    /** Managers only. */
    MANAGER
}
