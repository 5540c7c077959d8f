// The face-landmark model the photo feature runs on the device (src/ui/photo/detect.ts), from files that ship INSIDE
// the npm package @mediapipe/face_mesh (nothing is downloaded): its runtime (JS + WebAssembly), its graph and its
// packed networks (face detector, 468-point face landmarks). Copied into dist/facemodel/ by the Vite plugin in
// vite.config.ts; never precached, requested only when someone uses the photo feature.
//
// Chosen over @mediapipe/tasks-vision, whose WebAssembly is in its package but whose face model (.task) is a download;
// its FaceLandmarker also refuses face_mesh's networks (they lack the input-normalisation metadata it requires:
// "Input tensor has type float32: it requires specifying NormalizationOptions metadata").
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FACE_MESH_DIR = dirname(require.resolve('@mediapipe/face_mesh/package.json'));

/** Output directory under dist (relative URLs: the app may be served from any path). */
export const FACE_MODEL_DIR = 'facemodel';

// ---- @mediapipe/face_mesh runtime, made to run under the app's CSP (no 'unsafe-eval') ----
//
// Its Emscripten/embind glue builds three kinds of functions from source text with `new Function`: named wrappers
// (createNamedFunction), the invokers of bound C++ functions (craftInvokerFunction) and the callers of JS
// methods from C++ (__emval_get_method_caller). Each is replaced at build time by an equivalent closure (the
// same arguments, wire conversions, destructor calls and errors; what Emscripten itself emits when built with
// DYNAMIC_EXECUTION=0). Written for this app; the replaced spans are found by their exact start and end, and the
// build fails if the package changes so that any is not found exactly once.

const EVAL_FREE = [
  {
    start: 'function createNamedFunction(name,body){',
    end: '(body)}',
    code:
      'function createNamedFunction(name,body){name=makeLegalFunctionName(name);var f=function(){return body.apply(this,arguments)};' +
      'try{Object.defineProperty(f,"name",{value:name})}catch(e){}return f}',
  },
  {
    start: 'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){',
    end: 'return invokerFunction}',
    code:
      'function craftInvokerFunction(humanName,argTypes,classType,cppInvokerFunc,cppTargetFunc){var argCount=argTypes.length;' +
      'if(argCount<2){throwBindingError("argTypes array size mismatch! Must at least get return value and \'this\' types!")}' +
      'var isClassMethodFunc=argTypes[1]!==null&&classType!==null;var needsDestructorStack=false;' +
      'for(var i=1;i<argTypes.length;++i){if(argTypes[i]!==null&&argTypes[i].destructorFunction===undefined){needsDestructorStack=true;break}}' +
      'var returns=argTypes[0].name!=="void";var expected=argCount-2;' +
      'return createNamedFunction(humanName,function(){if(arguments.length!==expected){throwBindingError("function "+humanName+" called with "+arguments.length+" arguments, expected "+expected+" args!")}' +
      'var destructors=needsDestructorStack?[]:null;var wired=[cppTargetFunc];var thisWired;' +
      'if(isClassMethodFunc){thisWired=argTypes[1].toWireType(destructors,this);wired.push(thisWired)}' +
      'var first=wired.length;for(var k=0;k<expected;++k){wired.push(argTypes[k+2].toWireType(destructors,arguments[k]))}' +
      'var rv=cppInvokerFunc.apply(null,wired);' +
      'if(needsDestructorStack){runDestructors(destructors)}else{for(var j=isClassMethodFunc?1:2;j<argTypes.length;++j){' +
      'var param=j===1?thisWired:wired[first+j-2];if(argTypes[j].destructorFunction!==null){argTypes[j].destructorFunction(param)}}}' +
      'if(returns){return argTypes[0].fromWireType(rv)}})}',
  },
  {
    start: 'function __emval_get_method_caller(argCount,argTypes){',
    end: 'emval_registeredMethods[signatureName]=returnId;return returnId}',
    code:
      'function __emval_get_method_caller(argCount,argTypes){var types=__emval_lookupTypes(argCount,argTypes);var retType=types[0];' +
      'var signatureName=retType.name+"_$"+types.slice(1).map(function(t){return t.name}).join("_")+"$";' +
      'var returnId=emval_registeredMethods[signatureName];if(returnId!==undefined){return returnId}' +
      'var invokerFunction=function(handle,name,destructors,args){var values=[];var offset=0;' +
      'for(var i=0;i<argCount-1;++i){values.push(types[1+i].readValueFromPointer(args+offset));offset+=types[i+1]["argPackAdvance"]}' +
      'var rv=handle[name].apply(handle,values);' +
      'for(var i=0;i<argCount-1;++i){if(types[i+1]["deleteObject"]){types[i+1].deleteObject(values[i])}}' +
      'if(!retType.isVoid){return retType.toWireType(destructors,rv)}};' +
      'returnId=__emval_addMethodCaller(invokerFunction);emval_registeredMethods[signatureName]=returnId;return returnId}',
  },
];

/** The glue with every `new Function` site replaced; throws if the package no longer matches. */
export function evalFreeGlue(source) {
  let out = source;
  for (const { start, end, code } of EVAL_FREE) {
    const at = out.indexOf(start);
    if (at < 0 || out.indexOf(start, at + 1) >= 0) throw new Error(`face model: "${start}" not found exactly once in the face_mesh glue`);
    const stop = out.indexOf(end, at);
    if (stop < 0) throw new Error(`face model: end of "${start}" not found`);
    out = out.slice(0, at) + code + out.slice(stop + end.length);
  }
  if (/new Function|new_\(Function/.test(out)) throw new Error('face model: the face_mesh glue still builds functions from text');
  return out;
}

const FACE_MESH_FILES = [
  'face_mesh.js',
  'face_mesh.binarypb',
  'face_mesh_solution_packed_assets.data',
  'face_mesh_solution_packed_assets_loader.js',
  'face_mesh_solution_simd_wasm_bin.js',
  'face_mesh_solution_simd_wasm_bin.wasm',
  'face_mesh_solution_wasm_bin.js',
  'face_mesh_solution_wasm_bin.wasm',
];

// ---- face_mesh.js made to run in a Worker (src/ui/photo/detect.worker.ts) ----
//
// The solution supports workers (importScripts, an OffscreenCanvas for its GL context), but in this version its
// worker branch never keeps the WebGL context it creates, and every image sent then fails on `undefined.canvas`
// (the page branch keeps it). The fix keeps the context, as the page branch does. Found by its exact text; the
// build fails if the package changes so that it is not found exactly once.
const WORKER_CONTEXT = {
  find: 'a.h.GL.makeContextCurrent(g);p.g=4;break;',
  replace: 'a.h.GL.makeContextCurrent(g);a.J=a.h.ctx;p.g=4;break;',
};

/** face_mesh.js able to take images in a Worker; throws if the package no longer matches. */
export function workerReadySolution(source) {
  const at = source.indexOf(WORKER_CONTEXT.find);
  if (at < 0 || source.indexOf(WORKER_CONTEXT.find, at + 1) >= 0) throw new Error('face model: the worker branch of face_mesh.js was not found exactly once');
  return source.slice(0, at) + WORKER_CONTEXT.replace + source.slice(at + WORKER_CONTEXT.find.length);
}

/** The face_mesh runtime files to serve, as [path under dist, bytes]; the two wasm glue scripts made eval-free,
 * the solution script able to run in a Worker. */
export function faceMeshFiles() {
  return FACE_MESH_FILES.map((name) => {
    const bytes = readFileSync(join(FACE_MESH_DIR, name));
    if (name.endsWith('_wasm_bin.js')) return [`${FACE_MODEL_DIR}/${name}`, Buffer.from(evalFreeGlue(bytes.toString('utf8')))];
    if (name === 'face_mesh.js') return [`${FACE_MODEL_DIR}/${name}`, Buffer.from(workerReadySolution(bytes.toString('utf8')))];
    return [`${FACE_MODEL_DIR}/${name}`, bytes];
  });
}
