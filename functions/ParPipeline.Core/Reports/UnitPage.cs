using System.Globalization;
using System.Net;
using System.Text;
using ParPipeline.Ranking;

namespace ParPipeline.Reports;

/// <summary><c>units/{code}.html</c> and <c>.json</c>: one unit's result, places and narrative.</summary>
public static class UnitPage
{
    public static string Html(string indexName, int year, UnitRanking unit, UnitNarrativeText? narrative)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(unit.UnitName)}: {E(indexName)} {year}</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:48rem}dt{font-weight:600}</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(unit.UnitName)}</h1>\n<p>{E(indexName)} {year}</p>\n<dl>\n")
            .Append(CultureInfo.InvariantCulture, $"<dt>Score</dt><dd>{unit.Score:0.00}</dd>\n<dt>National rank</dt><dd>{unit.Rank} of {unit.Of}</dd>\n");
        if (unit.Region is { } region)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Region</dt><dd>{E(region.Group)}: {region.Rank} of {region.Of}</dd>\n");
        }
        if (unit.CityGroup is { } city)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Centrally governed cities</dt><dd>{city.Rank} of {city.Of}</dd>\n");
        }
        if (unit.Movement is { } m)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Since {m.PreviousYear}</dt><dd>{m.PointsChange:+0.00;-0.00;0.00} points, {m.PlacesChange:+0;-0;0} places (was {m.PreviousRank} of {m.PreviousOf})</dd>\n");
        }
        foreach (var (key, place) in unit.Fields)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(key)}</dt><dd>{place.Score:0.00}, {place.Rank} of {place.Of}</dd>\n");
        }
        html.Append("</dl>\n");
        if (narrative is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p lang=\"en\">{E(narrative.En)}</p>\n<p lang=\"vi\">{E(narrative.Vi)}</p>\n");
        }
        return html.Append("<p><a href=\"../summary.html\">All units</a></p>\n</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
