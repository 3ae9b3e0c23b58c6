package explorer

import (
	"net/http"
	"regexp"
)

// openAPIDoc is the API's description, built from apiRoutes so a route cannot go undocumented.
func openAPIDoc() map[string]any {
	errorSchema := map[string]any{"type": "object", "properties": map[string]any{
		"error":     map[string]any{"type": "string"},
		"parameter": map[string]any{"type": "string", "description": "the bad parameter's name, on a 400"},
	}}
	errResp := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/json": map[string]any{"schema": errorSchema}}}
	}
	paths := map[string]any{}
	for _, r := range apiRoutes {
		var ps []any
		for _, p := range r.params {
			ps = append(ps, map[string]any{"name": p.name, "in": p.in, "required": p.in == "path", "description": p.desc,
				"schema": map[string]any{"type": p.typ}, "example": p.example})
		}
		op := map[string]any{
			"summary":    r.summary,
			"parameters": ps,
			"responses": map[string]any{
				"200": map[string]any{"description": "the data", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}},
				"400": errResp("a parameter is unknown, repeated, too long or malformed: `parameter` names it"),
				"404": errResp("no such job or provider"),
				"405": errResp("not GET or HEAD: the explorer is read-only"),
				"503": errResp("too many requests in flight, or the query took too long"),
			},
		}
		if ps == nil {
			op["parameters"] = []any{}
		}
		paths[r.pattern] = map[string]any{"get": op}
	}
	paths["/openapi.json"] = map[string]any{"get": map[string]any{"summary": "This description", "parameters": []any{},
		"responses": map[string]any{"200": map[string]any{"description": "OpenAPI 3.0"}}}}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "Brine explorer", "version": "1",
			"description": "Read-only JSON over the Brine index (docs/explorer.md). Amounts are decimal strings of base units (18 decimals); times are unix seconds (0: not known yet)."},
		"paths": paths,
	}
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	if _, err := params(r, nil); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, openAPIDoc())
}

var pathParamRE = regexp.MustCompile(`\{([a-z]+)\}`)

// ExamplePath is a documented route's path with its path parameters replaced by their
// examples, for the test that calls every documented route.
func ExamplePath(pattern string, examples map[string]string) string {
	return pathParamRE.ReplaceAllStringFunc(pattern, func(m string) string {
		return examples[m[1:len(m)-1]]
	})
}
