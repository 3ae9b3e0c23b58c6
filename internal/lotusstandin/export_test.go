package lotusstandin

import "reflect"

// ServedMethods is the type whose methods the stand-in serves under "Filecoin".
func ServedMethods() reflect.Type { return reflect.TypeOf(&filecoinAPI{}) }
