package bindings

// The generator is go-ethereum's abigen v2 (accounts/abi/abigen.BindV2, the
// version pinned in go.mod) driven exactly like
// `abigen --v2 --combined-json ../contracts/artifacts/combined.json --pkg bindings`,
// through a thin wrapper that also de-duplicates names abigen would declare
// twice in one package (see internal/bindgen).
//
//go:generate go run ./internal/cmd/bindgen -combined-json ../contracts/artifacts/combined.json -pkg bindings -out brine.go
