/**
 * What the sample services share: the steady logging loop that times every log call and reports
 * to the demo on standard output ({@link dev.kafkaspool.samples.service.ServiceLoop},
 * {@link dev.kafkaspool.samples.service.ServiceReport}), and the framework-specific part each
 * service implements ({@link dev.kafkaspool.samples.service.SampleService}).
 */
package dev.kafkaspool.samples.service;
