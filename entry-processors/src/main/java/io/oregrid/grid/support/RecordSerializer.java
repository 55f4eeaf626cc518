package io.oregrid.grid.support;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An explicit Compact serializer of a grid record, written as two lambdas (ARCHITECTURE "hot
 * records, keys, processors and results have explicit serializers (no reflection); enums travel as
 * ints"). The type name is the class's fully qualified name and the field names are the record's
 * component names, so the schemas are the ones zero-config Compact would have produced for the same
 * fields and the analysts' SQL mappings ({@code valueCompactTypeName}, {@code this.<component>})
 * read them unchanged.
 *
 * @param <T> the record
 */
public final class RecordSerializer<T> implements CompactSerializer<T> {
    private final Class<T> type;
    private final Function<CompactReader, T> read;
    private final BiConsumer<CompactWriter, T> write;

    private RecordSerializer(Class<T> type, Function<CompactReader, T> read, BiConsumer<CompactWriter, T> write) {
        this.type = type;
        this.read = read;
        this.write = write;
    }

    /**
     * @param type  the record class
     * @param read  builds the record from its fields
     * @param write writes every field the reader reads, with the same names and kinds
     */
    public static <T> RecordSerializer<T> of(Class<T> type, Function<CompactReader, T> read,
                                             BiConsumer<CompactWriter, T> write) {
        return new RecordSerializer<>(type, read, write);
    }

    @Override
    public T read(CompactReader reader) {
        return read.apply(reader);
    }

    @Override
    public void write(CompactWriter writer, T object) {
        write.accept(writer, object);
    }

    @Override
    public String getTypeName() {
        return type.getName();
    }

    @Override
    public Class<T> getCompactClass() {
        return type;
    }
}
