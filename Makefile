# Developer entry points. See scripts/*.sh for details.
#   make run                      API on http://127.0.0.1:5080 (private PostgreSQL unless SINGR_POSTGRES is set)
#   make test [ARGS="--filter X"] build + all tests, TRX results in .test-results/
#   make cluster                  3 silos (:5081-5083) and a front end (:5080) on loopback
#   make bench                    grain runtime throughput and latency figures
#   make bench-requests [ARGS=…]  paid requests over HTTP: durable requests/s vs pgbench -N on the same PostgreSQL
#   make hub-load [ARGS=…]        venue-room WebSocket connections: queue:insert latency, delivery, memory per connection
#   make db-start / db-stop       the private PostgreSQL cluster (127.0.0.1:54329, or $SINGR_PG_PORT)

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
ARGS ?=

.PHONY: run test cluster bench bench-requests hub-load build db-start db-stop clean

run:
	bash "$(ROOT)/scripts/run.sh" $(ARGS)

test:
	bash "$(ROOT)/scripts/test.sh" $(ARGS)

cluster:
	bash "$(ROOT)/scripts/cluster.sh"

# Grain runtime throughput and latency on this machine (not part of make test).
bench:
	bash "$(ROOT)/scripts/bench.sh"

# Paid song requests over HTTP (16 clients, 50 venues, 30 s) and pgbench -N on the same server (not part of make test).
# ARGS="--seconds 10 --clients 16 --venues 50" changes the run.
bench-requests:
	bash "$(ROOT)/scripts/bench-requests.sh" $(ARGS)

# Venue-room connections under load (1,000 on one venue, 100 on quiet ones, 10 requests/s for 30 s; not part of make test).
# ARGS="--connections 10000 --others 1000 --rate 10 --seconds 30" changes the run.
hub-load:
	bash "$(ROOT)/scripts/hub-load.sh" $(ARGS)

build:
	cd "$(ROOT)" && dotnet build Singr.sln -c Release

db-start:
	bash "$(ROOT)/scripts/postgres.sh" start

db-stop:
	bash "$(ROOT)/scripts/postgres.sh" stop

# Does not touch the database (.data/); use "make db-stop" and remove .data/ for that.
clean:
	cd "$(ROOT)" && dotnet clean Singr.sln -c Release
	rm -rf "$(ROOT)/.test-results"
