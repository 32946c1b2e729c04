/** Tests of what the web server sends the pages. */
package dev.osprey.dashboard.internal.web;
