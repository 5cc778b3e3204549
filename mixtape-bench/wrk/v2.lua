-- wrk script for POST /api/v2/recommendations (docs/BENCHMARKS.md §7): cycles request bodies over the seed
-- tracks listed one per line in the file named by MIXTAPE_WRK_IDS (default ids.txt) × 4 strategies.
-- Make the list from the dataset: zcat "$MIXTAPE_DATA_DIR"/spotify-tracks-114k/dataset.csv.gz | cut -d, -f1 | sed -n 2,51p > ids.txt
local strategies = {"content", "popularity", "tempo", "contextual"}
local bodies = {}
local n = 0

function init(args)
  local path = os.getenv("MIXTAPE_WRK_IDS") or "ids.txt"
  local f = assert(io.open(path, "r"), "no seed id list at " .. path)
  for id in f:lines() do
    if id ~= "" then
      for _, s in ipairs(strategies) do
        bodies[#bodies + 1] = string.format('{"track_id": "%s", "strategy": "%s", "n": 20}', id, s)
      end
    end
  end
  f:close()
  assert(#bodies > 0, "the seed id list " .. path .. " is empty")
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", "/api/v2/recommendations", {["Content-Type"] = "application/json"}, bodies[n])
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("non-2xx answers: %d; socket errors: connect %d, read %d, write %d, timeout %d\n", non2xx,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
