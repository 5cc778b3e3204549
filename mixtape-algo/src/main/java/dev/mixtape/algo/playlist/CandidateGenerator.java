package dev.mixtape.algo.playlist;

/**
 * Phase 3: one way of proposing candidates for the pool. Implementations are thread-safe and never
 * propose a track the target {@link TargetProfile#excluded excludes}.
 */
public interface CandidateGenerator {
    Source source();

    /**
     * @param budget  about how many candidates to propose
     * @param scratch a catalog-sized array this call may overwrite (not shared with a concurrent call)
     */
    Candidates generate(TargetProfile p, Seeds seeds, int budget, float[] scratch);
}
