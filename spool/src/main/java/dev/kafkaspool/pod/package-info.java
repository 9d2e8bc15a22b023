/**
 * Kubernetes pod metadata for the events kafka-spool ships: which pod, namespace, node and container
 * an event comes from, the pod's labels and annotations, and extra fields from configuration.
 * Framework-free; problems are reported through {@link dev.kafkaspool.engine.StatusListener}, never
 * thrown.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>pod metadata</dt><dd>Where the process runs, as one immutable {@link dev.kafkaspool.pod.PodMetadata} snapshot; unknown fields are {@code null}, unknown maps empty.</dd>
 *   <dt>downward API</dt><dd>How Kubernetes tells a container about its pod: environment variables set from {@code fieldRef}s, and files in a {@code downwardAPI} volume.</dd>
 *   <dt>podinfo directory</dt><dd>Where that volume is mounted ({@code /etc/podinfo} by default), holding the files {@code labels} and {@code annotations}.</dd>
 *   <dt>podinfo file</dt><dd>One of those files: a {@code key="value"} line per entry, the value quoted as Go's {@code %q} writes it.</dd>
 *   <dt>malformed line</dt><dd>A line of a podinfo file that is not {@code key="value"}; it is skipped and reported in one warning per read.</dd>
 *   <dt>atomic update</dt><dd>How Kubernetes changes a podinfo file: it writes a new hidden directory {@code ..<timestamp>} and swaps the {@code ..data} link to it; {@code labels} links to {@code ..data/labels}.</dd>
 *   <dt>refresh</dt><dd>Checking whether the podinfo files changed (real path, size, time) and reading them again only then; see {@link dev.kafkaspool.pod.PodMetadataReloader}. The caller's thread does it.</dd>
 *   <dt>extra fields</dt><dd>Static {@code key=value} fields from configuration, see {@link dev.kafkaspool.pod.ExtraFields}.</dd>
 *   <dt>reference</dt><dd>{@code ${env:NAME}} or {@code ${sys:name}} in an extra field's value, optionally {@code ${env:NAME:-default}}; resolved once, an unset one without default becomes empty and is reported.</dd>
 * </dl>
 *
 * <p>Public API: {@link dev.kafkaspool.pod.PodMetadata}, {@link dev.kafkaspool.pod.PodMetadataSource},
 * {@link dev.kafkaspool.pod.PodMetadataReloader}, {@link dev.kafkaspool.pod.ExtraFields},
 * {@link dev.kafkaspool.pod.PodSettings}. Everything else is package-private.
 */
package dev.kafkaspool.pod;
