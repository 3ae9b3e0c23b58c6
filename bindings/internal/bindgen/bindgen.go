// Package bindgen turns contracts/artifacts/combined.json into the Go
// bindings of package bindings, using go-ethereum's abigen v2 generator
// (accounts/abi/abigen.BindV2, the code behind `abigen --v2 --combined-json`,
// pinned by the go-ethereum version in go.mod).
//
// It exists because abigen v2 puts all contracts of a package into one
// namespace but names the result struct of a multi-value method after the
// method alone: two contracts with a method of the same name (for example
// eip712Domain() in every ERC20Permit token) both declare Eip712DomainOutput
// and the package does not compile. Generate fixes that after BindV2:
//
//   - identical duplicate declarations are emitted once;
//   - differing <Method>Output structs are renamed <Contract><Method>Output
//     (only those that actually conflict, with a note on stderr by the caller);
//   - any other duplicate top-level name (say, two different Solidity structs
//     of the same name, or an event and an error of the same name in one
//     contract) is reported as an error naming what to rename in Solidity.
//
// Everything else is BindV2's output unchanged, and the result is
// deterministic: contracts are passed to BindV2 sorted by fully qualified
// name.
package bindgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
	"github.com/ethereum/go-ethereum/common/compiler"
	"github.com/ethereum/go-ethereum/crypto"
)

// Result is the generated source plus notes about renamed declarations.
type Result struct {
	Code  []byte
	Notes []string
}

// Generate returns the gofmt-formatted Go source of package pkg for every
// contract in combinedJSON (solc --combined-json format, as written by
// contracts/scripts/compile.js).
func Generate(combinedJSON []byte, pkg string) (*Result, error) {
	contracts, err := compiler.ParseCombinedJSON(combinedJSON, "", "", "", "")
	if err != nil {
		return nil, fmt.Errorf("reading combined json: %w", err)
	}
	if len(contracts) == 0 {
		return nil, fmt.Errorf("combined json lists no contracts")
	}
	names := make([]string, 0, len(contracts))
	for name := range contracts {
		names = append(names, name)
	}
	sort.Strings(names)

	// Same inputs as cmd/abigen builds for --combined-json (see its main.go),
	// in sorted order.
	var (
		types, abis, bins []string
		libs              = make(map[string]string)
		seen              = make(map[string]string)
	)
	for _, name := range names {
		contract := contracts[name]
		// fully qualified name is of the form <solFilePath>:<type>
		nameParts := strings.Split(name, ":")
		typeName := nameParts[len(nameParts)-1]
		if other, ok := seen[typeName]; ok {
			return nil, fmt.Errorf("contract name %s is used by both %s and %s: contract names must be unique", typeName, other, name)
		}
		seen[typeName] = name
		abiJSON, err := json.Marshal(contract.Info.AbiDefinition)
		if err != nil {
			return nil, fmt.Errorf("abi of %s: %w", name, err)
		}
		types = append(types, typeName)
		abis = append(abis, string(abiJSON))
		bins = append(bins, contract.Code)
		libPattern := crypto.Keccak256Hash([]byte(name)).String()[2:36]
		libs[libPattern] = typeName
	}
	code, err := abigen.BindV2(types, abis, bins, pkg, libs, map[string]string{})
	if err != nil {
		return nil, fmt.Errorf("abigen: %w", err)
	}
	return resolveDuplicates([]byte(code))
}

// decl is one top-level declaration of a name.
type decl struct {
	index    int    // index in file.Decls
	contract string // receiver type of the closest preceding method ("" if none)
	src      string // printed declaration, without comments
}

func resolveDuplicates(code []byte) (*Result, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "bindings.go", code, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("parsing abigen output: %w", err)
	}

	byName := make(map[string][]decl)
	var order []string
	add := func(name string, d decl) {
		if name == "_" {
			return
		}
		if _, ok := byName[name]; !ok {
			order = append(order, name)
		}
		byName[name] = append(byName[name], d)
	}
	contract := ""
	for i, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				add(d.Name.Name, decl{index: i, contract: contract, src: nodeString(fset, stripDoc(d))})
				continue
			}
			contract = recvType(d)
		case *ast.GenDecl:
			src := nodeString(fset, &ast.GenDecl{Tok: d.Tok, Specs: d.Specs, Lparen: d.Lparen, Rparen: d.Rparen})
			if c, ok := metaDataOwner(d); ok {
				contract = c // the first declaration of each contract
			}
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					add(s.Name.Name, decl{index: i, contract: contract, src: src})
				case *ast.ValueSpec:
					for _, n := range s.Names {
						add(n.Name, decl{index: i, contract: contract, src: src})
					}
				}
			}
		}
	}

	res := &Result{}
	drop := make(map[int]bool)
	var problems []string
	for _, name := range order {
		ds := byName[name]
		if len(ds) < 2 {
			continue
		}
		if allSame(ds) {
			for _, d := range ds[1:] {
				drop[d.index] = true
			}
			continue
		}
		if strings.HasSuffix(name, "Output") && distinctContracts(ds) {
			for _, d := range ds {
				newName := d.contract + name
				renameOutput(file, d.index, d.contract, name, newName)
				res.Notes = append(res.Notes, fmt.Sprintf("%s: %s renamed %s (another contract has a method of the same name returning different values)", d.contract, name, newName))
			}
			continue
		}
		var where []string
		for _, d := range ds {
			where = append(where, fmt.Sprintf("near contract %q", d.contract))
		}
		problems = append(problems, fmt.Sprintf("Go name %s is declared %d times with different contents (%s); "+
			"rename the Solidity struct/event/error so that the generated names differ (structs declared inside a contract or interface get its name as prefix)",
			name, len(ds), strings.Join(where, ", ")))
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("bindings would not compile:\n  %s", strings.Join(problems, "\n  "))
	}

	if len(drop) > 0 {
		var (
			decls    []ast.Decl
			comments []*ast.CommentGroup
			dropped  []ast.Node
		)
		for i, d := range file.Decls {
			if drop[i] {
				dropped = append(dropped, d)
				continue
			}
			decls = append(decls, d)
		}
		for _, cg := range file.Comments {
			inside := false
			for _, d := range dropped {
				start := d.Pos()
				if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil {
					start = gd.Doc.Pos()
				}
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
					start = fd.Doc.Pos()
				}
				if cg.Pos() >= start && cg.End() <= d.End() {
					inside = true
					break
				}
			}
			if !inside {
				comments = append(comments, cg)
			}
		}
		file.Decls, file.Comments = decls, comments
	}

	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, fmt.Errorf("printing bindings: %w", err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting bindings: %w", err)
	}
	res.Code = out
	return res, nil
}

// renameOutput renames the Output struct declared at file.Decls[index] and
// its uses in the methods of contract.
func renameOutput(file *ast.File, index int, contract, oldName, newName string) {
	rename := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == oldName {
				id.Name = newName
			}
			return true
		})
	}
	gd := file.Decls[index].(*ast.GenDecl)
	rename(gd)
	if gd.Doc != nil {
		for _, c := range gd.Doc.List {
			c.Text = strings.Replace(c.Text, "// "+oldName+" ", "// "+newName+" ", 1)
		}
	}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && recvType(fd) == contract {
			rename(fd)
		}
	}
}

func recvType(fd *ast.FuncDecl) string {
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func stripDoc(fd *ast.FuncDecl) *ast.FuncDecl {
	c := *fd
	c.Doc = nil
	return &c
}

func allSame(ds []decl) bool {
	for _, d := range ds[1:] {
		if d.src != ds[0].src {
			return false
		}
	}
	return true
}

func distinctContracts(ds []decl) bool {
	seen := make(map[string]bool)
	for _, d := range ds {
		if d.contract == "" || seen[d.contract] {
			return false
		}
		seen[d.contract] = true
	}
	return true
}

// metaDataOwner reports the contract of a `var <Contract>MetaData = bind.MetaData{...}`
// declaration, which BindV2 emits first for every contract.
func metaDataOwner(gd *ast.GenDecl) (string, bool) {
	if gd.Tok != token.VAR || len(gd.Specs) != 1 {
		return "", false
	}
	vs, ok := gd.Specs[0].(*ast.ValueSpec)
	if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 || !strings.HasSuffix(vs.Names[0].Name, "MetaData") {
		return "", false
	}
	cl, ok := vs.Values[0].(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	if sel, ok := cl.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "MetaData" {
		return "", false
	}
	return strings.TrimSuffix(vs.Names[0].Name, "MetaData"), true
}

// nodeString prints a declaration without its doc comment.
func nodeString(fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fset, n); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return buf.String()
}
