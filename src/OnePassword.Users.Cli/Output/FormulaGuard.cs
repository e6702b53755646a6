namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Keeps CSV cells from being run as spreadsheet formulas: a cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading <c>'</c>, which
/// spreadsheets treat as "text" and do not show. A cell that already starts with <c>'</c> gets one
/// more, so <see cref="Unprotect"/> gives back exactly what was written and reading our own CSV
/// (for example with <c>--from-csv</c>) loses nothing.
/// </summary>
internal static class FormulaGuard
{
    public const string HelpText = "cells starting with = + - @ (or tab, CR) get a leading ' so spreadsheets do not run them as formulas; --from-csv removes it";

    private const char Marker = '\'';

    public static string Protect(string cell) => NeedsMarker(cell, 0) ? Marker + cell : cell;

    public static string Unprotect(string cell) => cell.Length > 1 && cell[0] == Marker && NeedsMarker(cell, 1) ? cell[1..] : cell;

    private static bool NeedsMarker(string cell, int index) =>
        cell.Length > index && cell[index] is '=' or '+' or '-' or '@' or '\t' or '\r' or Marker;
}
