namespace Attune.Storage.Csv;

/// <summary>A data deletion job's input: a CSV file whose header names a USER_ID column (any case), one user per row.</summary>
public static class UserIdFile
{
    /// <summary>
    /// Adds the file's user ids to <paramref name="users"/> (first appearance order, duplicates once). Throws
    /// <see cref="InvalidDataException"/> naming <paramref name="name"/> when the header has no USER_ID column.
    /// </summary>
    public static void Read(Stream stream, string name, ICollection<string> users, ISet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(seen);
        using var csv = new CsvRecordReader(stream);
        if (!csv.Read())
        {
            return;
        }

        var column = -1;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (csv[i].Trim().Equals("USER_ID", StringComparison.OrdinalIgnoreCase))
            {
                column = i;
            }
        }

        if (column < 0)
        {
            throw new InvalidDataException($"The file {name} has no USER_ID column in its header.");
        }

        while (csv.Read())
        {
            if (column >= csv.FieldCount || csv[column].Trim() is { IsEmpty: true })
            {
                continue;
            }

            var id = csv[column].Trim().ToString();
            if (seen.Add(id))
            {
                users.Add(id);
            }
        }
    }
}
