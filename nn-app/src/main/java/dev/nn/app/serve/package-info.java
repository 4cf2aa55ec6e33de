/**
 * {@code nn serve}: a small web server on the JDK's {@code HttpServer} that shows a trained network thinking, and
 * trains one live. {@link dev.nn.app.serve.DigitServer} routes requests, {@link dev.nn.app.serve.Api} answers the
 * JSON endpoints of the trained network, {@link dev.nn.app.serve.StaticFiles} serves the page's own files and
 * nothing else. The Train view: {@link dev.nn.app.serve.TrainSession} (one training per server, its buttons),
 * {@link dev.nn.app.serve.TrainSettings} (the page's settings, resolved as {@code nn train} resolves its flags),
 * {@link dev.nn.app.serve.LiveRun} (the training thread and its snapshots), {@link dev.nn.app.serve.PlaneMaps}
 * (what a 2-D network does with the plane).
 */
package dev.nn.app.serve;
