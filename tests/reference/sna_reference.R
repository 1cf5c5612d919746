# Reference values from R sna for helixnet's brokerage and hierarchy tests.
#
# Regenerate (needs R with sna and jsonlite; Debian: r-cran-sna r-cran-jsonlite):
#     cd tests/reference && Rscript sna_reference.R
# Writes sna_reference.json next to this script. The tests read only the JSON,
# so R is not needed at test time.
#
# Each graph is a seeded sna::rgraph() draw: n in 5..15 nodes, Bernoulli tie
# probability in 0.1..0.5, 2..4 groups. Some graphs are valued (weights 1..3,
# which sna dichotomises for brokerage/reachability), some carry self-loops
# (which sna ignores for two-paths but counts in the brokerage density), and
# some are symmetric (undirected, mode = "graph").
suppressMessages({
  library(sna)
  library(jsonlite)
})

set.seed(20240521)
n_graphs <- 40
labels <- c("U", "I", "G", "O")
graphs <- vector("list", n_graphs)

for (gi in seq_len(n_graphs)) {
  n <- sample(5:15, 1)
  p <- round(runif(1, 0.1, 0.5), 3)
  k <- sample(2:4, 1)
  undirected <- (gi %% 7 == 0)
  m <- rgraph(n, tprob = p, mode = if (undirected) "graph" else "digraph")
  valued <- (gi %% 3 == 0)
  if (valued) {
    w <- matrix(sample(1:3, n * n, replace = TRUE), n, n)
    if (undirected) w[lower.tri(w)] <- t(w)[lower.tri(w)]
    m <- m * w
  }
  loops <- (gi %% 5 == 0)
  if (loops) {
    diag(m) <- rbinom(n, 1, 0.5)
  }
  # Group labels: the first k sector codes, every group non-empty when n >= k.
  cl <- labels[c(seq_len(k), sample(seq_len(k), n - k, replace = TRUE))]
  cl <- sample(cl)
  graphs[[gi]] <- list(m = m, cl = cl, p = p, valued = valued, loops = loops,
                       undirected = undirected, kind = "random")
}

# Hand-picked edge cases on 5 nodes, groups U U I I G.
cl5 <- c("U", "U", "I", "I", "G")
empty5 <- matrix(0, 5, 5)
complete5 <- matrix(1, 5, 5) - diag(5)
dag5 <- upper.tri(matrix(0, 5, 5)) * 1            # transitive tournament
cycle5 <- matrix(0, 5, 5); for (i in 1:5) cycle5[i, i %% 5 + 1] <- 1
star5 <- matrix(0, 5, 5); star5[5, 1:4] <- 1; star5[1:4, 5] <- 1  # mutual star, hub G
special <- list(empty5 = empty5, complete5 = complete5, dag5 = dag5,
                cycle5 = cycle5, mutual_star5 = star5)
for (nm in names(special)) {
  graphs[[length(graphs) + 1]] <- list(m = special[[nm]], cl = cl5, p = NA,
    valued = FALSE, loops = FALSE, undirected = isSymmetric(special[[nm]]), kind = nm)
}

for (gi in seq_along(graphs)) {
  x <- graphs[[gi]]
  m <- x$m
  cl <- x$cl
  n <- nrow(m)
  b <- brokerage(m, cl)
  graphs[[gi]] <- list(
    id = gi,
    kind = x$kind,
    n = n,
    tprob = x$p,
    valued = x$valued,
    loops = x$loops,
    undirected = x$undirected,
    groups = cl,
    adjacency = unname(m),
    brokerage = list(
      raw_nli = unname(b$raw.nli),
      exp_nli = unname(b$exp.nli),
      sd_nli = unname(b$sd.nli),
      z_nli = unname(b$z.nli),
      raw_gli = unname(b$raw.gli),
      exp_gli = unname(b$exp.gli),
      sd_gli = unname(b$sd.gli),
      z_gli = unname(b$z.gli)
    ),
    hierarchy_krackhardt = hierarchy(m, measure = "krackhardt"),
    connectedness = connectedness(m),
    efficiency = efficiency(m),
    # sna sums a valued sociomatrix's values as its edge count; helixnet
    # counts ties, i.e. sna's efficiency of the dichotomised graph:
    efficiency_dichotomised = efficiency((m != 0) * 1),
    lubness = lubness(m),
    grecip_edgewise = unname(grecip(m, measure = "edgewise"))
  )
}

out <- list(
  generator = "tests/reference/sna_reference.R",
  r_version = R.version.string,
  sna_version = as.character(packageVersion("sna")),
  columns = c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t"),
  note = paste(
    "Matrices are row-major arrays of rows; node i is row i (0-based in Python).",
    "Non-finite values are written as strings 'NaN', 'Inf', '-Inf', 'NA'."
  ),
  graphs = graphs
)
writeLines(
  toJSON(out, auto_unbox = TRUE, digits = I(17), na = "string", pretty = FALSE),
  "sna_reference.json"
)
