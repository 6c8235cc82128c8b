namespace HandhavingsKoers.Web.Hosting;

/// <summary>
/// A setting or the machine keeps the app from starting. Program.cs logs the message as one line for the operator
/// and ends with exit code 1, instead of a stack trace: the message says what to change.
/// </summary>
public sealed class StartupProblemException(string message, Exception? inner = null) : Exception(message, inner);
