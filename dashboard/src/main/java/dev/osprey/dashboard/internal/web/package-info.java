/**
 * The dashboard's web server: the JDK's own {@code com.sun.net.httpserver}, on virtual threads.
 * It was chosen over Javalin (Jetty 12 and its dependencies) because the dashboard needs only a
 * handful of GET routes, static files from the classpath and one server-sent-event stream per open
 * page, all of which the JDK server does with no dependency; Javalin's routing and SSE helpers
 * would save perhaps a hundred lines at the price of a web server stack in every Osprey install.
 *
 * <p>Pages stay live by server-sent events: a poller reads each watched study's changes with the
 * storage's change feed ({@code Storage.trialsChangedSince}, a cursor read that returns only what
 * changed), which sees trials told by any process or machine sharing the storage.
 */
package dev.osprey.dashboard.internal.web;
