# reportlint in a container: a static binary on a minimal image. The pre-commit hook
# reportlint-docker builds it; `docker build -t reportlint .` then
# `docker run --rm -v "$PWD:/src" reportlint lint report.txt` lints a folder's reports.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/reportlint ./cmd/reportlint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/reportlint /usr/local/bin/reportlint
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/reportlint"]
