using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes the internal helper the models of one client share: looking ahead in an object
/// without moving the reader (for discriminators and unions) and reading and writing
/// dictionaries. It lives beside the models, so the runtime library needs nothing new.
/// </summary>
internal static class ModelJsonEmitter
{
    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api)
    {
        var models = api.Options.Namespace + ".Models";
        var name = Parsing.TypeNames.HelperClass;
        w.Line("namespace " + models);
        w.Line("{");
        w.Line($$"""
                /// <summary>JSON helpers shared by the generated models.</summary>
                {{ClientEmitter.GeneratedCodeAttribute}}
                internal static class {{name}}
                {
                    /// <summary>The string value of a property of the object at the reader's position; the caller's reader does not move.</summary>
                    /// <param name="reader">A copy of the reader, on the object's start token.</param>
                    /// <param name="propertyName">The property's UTF-8 name.</param>
                    /// <returns>The value, or null when the property is absent or not a string.</returns>
                    public static string? PeekString(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> propertyName)
                    {
                        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                        {
                            var match = reader.ValueTextEquals(propertyName);
                            reader.Read();
                            if (match)
                            {
                                return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                            }

                            reader.Skip();
                        }

                        return null;
                    }

                    /// <summary>The names of the properties of the object at the reader's position; the caller's reader does not move.</summary>
                    /// <param name="reader">A copy of the reader, on the object's start token.</param>
                    /// <returns>The names.</returns>
                    public static global::System.Collections.Generic.HashSet<string> PeekPropertyNames(global::System.Text.Json.Utf8JsonReader reader)
                    {
                        var names = new global::System.Collections.Generic.HashSet<string>(global::System.StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
                        {
                            names.Add(reader.GetString()!);
                            reader.Read();
                            reader.Skip();
                        }

                        return names;
                    }

                    /// <summary>The alternative whose required properties are all present and that knows most of the others; the first on a tie.</summary>
                    /// <param name="names">The object's property names.</param>
                    /// <param name="required">Each alternative's required property names.</param>
                    /// <param name="known">Each alternative's property names.</param>
                    /// <returns>The index of the alternative.</returns>
                    public static int Choose(global::System.Collections.Generic.HashSet<string> names, string[][] required, string[][] known)
                    {
                        var best = 0;
                        var bestScore = -1;
                        for (var i = 0; i < known.Length; i++)
                        {
                            var score = global::System.Array.TrueForAll(required[i], names.Contains) ? 1_000_000 : 0;
                            foreach (var name in known[i])
                            {
                                score += names.Contains(name) ? 1 : 0;
                            }

                            if (score > bestScore)
                            {
                                best = i;
                                bestScore = score;
                            }
                        }

                        return best;
                    }

                    /// <summary>Reads a JSON object as a dictionary.</summary>
                    /// <typeparam name="T">The value type.</typeparam>
                    /// <param name="reader">The reader, on the object's start token or a null.</param>
                    /// <param name="readValue">Reads one value.</param>
                    /// <returns>The dictionary, or null for a JSON null.</returns>
                    public static global::System.Collections.Generic.Dictionary<string, T>? ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::OnePassword.Users.Runtime.JsonValueReader<T> readValue)
                    {
                        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
                        {
                            return null;
                        }

                        global::OnePassword.Users.Runtime.JsonReading.ExpectObject(ref reader, "a map");
                        var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
                        while (global::OnePassword.Users.Runtime.JsonReading.NextProperty(ref reader))
                        {
                            var key = reader.GetString()!;
                            reader.Read();
                            map[key] = readValue(ref reader);
                        }

                        return map;
                    }

                    /// <summary>Writes a dictionary as a JSON object.</summary>
                    /// <typeparam name="T">The value type.</typeparam>
                    /// <param name="writer">The writer.</param>
                    /// <param name="map">The dictionary.</param>
                    /// <param name="writeValue">Writes one value.</param>
                    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IDictionary<string, T> map, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeValue)
                    {
                        writer.WriteStartObject();
                        foreach (var entry in map)
                        {
                            writer.WritePropertyName(entry.Key);
                            writeValue(writer, entry.Value);
                        }

                        writer.WriteEndObject();
                    }
                }
            """);
        w.Line("}");
        return HintNames.For(models, name);
    }
}
