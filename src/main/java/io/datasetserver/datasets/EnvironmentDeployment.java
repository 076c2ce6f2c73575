package io.datasetserver.datasets;

/**
 * An environment and the version of one dataset deployed there ({@code deployed} null when none).
 */
public record EnvironmentDeployment(Environment environment, VersionView deployed) {}
