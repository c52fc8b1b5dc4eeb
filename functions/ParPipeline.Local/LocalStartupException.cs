namespace ParPipeline.Local;

/// <summary>A reason the local host cannot start that a user can act on; printed as one line, exit code 2.</summary>
public sealed class LocalStartupException(string message, Exception? inner = null) : Exception(message, inner);
