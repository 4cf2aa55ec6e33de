/**
 * {@code nn serve}: a small web server on the JDK's {@code HttpServer} that shows a trained network thinking.
 * {@link dev.nn.app.serve.DigitServer} routes requests, {@link dev.nn.app.serve.Api} answers the JSON endpoints,
 * {@link dev.nn.app.serve.StaticFiles} serves the page's own files and nothing else.
 */
package dev.nn.app.serve;
