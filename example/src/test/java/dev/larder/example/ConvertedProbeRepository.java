package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.List;
import java.util.Optional;

/** A repository only for tests: value types stored through converters, on {@code type_probe}. */
@CachedRepository
public interface ConvertedProbeRepository {

  @Update("INSERT INTO type_probe (label, amount) VALUES (:label, :amount)")
  @InvalidatesTags("probes")
  int insert(Email label, Money amount);

  @Update("INSERT INTO type_probe (label, amount) VALUES (:label, :amount)")
  @InvalidatesTags("probes")
  int insertAll(List<ConvertedProbe> rows);

  @Query("SELECT id, label, amount FROM type_probe WHERE id = :id")
  @CacheKey(value = "converted:{id}", tags = "probes")
  Optional<ConvertedProbe> get(long id);

  @Query("SELECT id, label, amount FROM type_probe WHERE label = :label ORDER BY id")
  @CacheKey(value = "converted:label:{label}", tags = "probes")
  List<ConvertedProbe> withLabel(Email label);

  @Query("SELECT amount FROM type_probe WHERE id = :id")
  @CacheKey(value = "converted:{id}:amount", tags = "probes")
  Money amount(long id);

  @Query("SELECT label FROM type_probe WHERE id = :id")
  @CacheKey(tags = "probes")
  Optional<Email> labelIfAny(long id);

  @Query("SELECT label FROM type_probe ORDER BY id")
  @CacheKey(value = "converted:labels", tags = "probes")
  List<Email> labels();
}
