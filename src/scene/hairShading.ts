// Hair that reads as hair, not a painted cap: the skin material draws strands over the hair-bearing scalp from two
// vertex attributes the model build writes (scripts/model/hair.ts strandAttributes) —
//   `_hair`   (vec4): the strand's unit direction (object space) and 1 − the hair weight (so a geometry without the
//             attribute, whose default is (0, 0, 0, 1), has no hair),
//   `_strand` (float in [0, 1)): the across-strand phase; × HAIR_STRAND_CYCLES it is in strands.
// The fragment darkens and lightens the vertex colour by a few sine "strands" of decreasing width (each fades out
// where it would be finer than a pixel, so phones see locks instead of shimmer), much more strongly where the hair
// weight is partial, so the hairline reads as fine separate hairs over skin (never lighter than the skin by much: a
// stronger lift drew a pale fringe along the hairline); and it adds a Kajiya–Kay highlight of the key light (the
// first directional light, StudioLights) across the strand direction — the anisotropic band of combed hair — with
// its brightness varied by the strands but not its place (shifting it by the strands, by more than its own width,
// drew it as saw teeth), weighted by the square of the hair weight (so the thinning hairline does not catch it as a
// pale line), and a faint glow where the hair turns away from the eye, so its outline reads soft (light caught in
// stray hairs) rather than cut. Numbers are design choices (judged on the consult and phone screenshots).
import type { MeshStandardMaterial } from 'three';
import { addShaderPatch } from './shaderPatch.ts';

/** Strands once round the combing axis: must equal STRAND_CYCLES in scripts/model/hair.ts. */
export const HAIR_STRAND_CYCLES = 384;

/** Patches the skin material to draw the hair's strands, its anisotropic highlight and soft outline (see the header). */
export function enableHairShading(material: MeshStandardMaterial): void {
  addShaderPatch(material, 'hair', (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', 'attribute vec4 _hair;attribute float _strand;varying vec4 vHair;varying float vStrand;\n#include <common>')
      .replace('#include <begin_vertex>', `#include <begin_vertex>\nvHair=vec4(normalMatrix*_hair.xyz,1.-_hair.w);vStrand=_strand*${HAIR_STRAND_CYCLES}.;`);
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        'varying vec4 vHair;varying float vStrand;float hairWave(float f,float p){return sin(6.283*f*vStrand+p)*(1.-smoothstep(.15,.35,f*fwidth(vStrand)));}\n#include <common>',
      )
      // before the vertex colours (a product): the cutaway's cut edge, which replaces the colour after them, wins
      .replace(
        '#include <color_fragment>',
        'float hairW=vHair.w,hairN=.25*hairWave(1.,0.)+.4*hairWave(.37,1.3)+.35*hairWave(.11,4.);diffuseColor.rgb*=1.+(2.3-2.*hairW)*hairW*hairN;\n#include <color_fragment>',
      )
      .replace(
        '#include <opaque_fragment>',
        '#if NUM_DIR_LIGHTS>0\nfloat hairD=dot(vHair.xyz,normalize(directionalLights[0].direction+normalize(vViewPosition)));outgoingLight+=hairW*hairW*pow(max(1.-hairD*hairD,0.),60.)*(.6+.5*hairN)*diffuseColor.rgb*directionalLights[0].color;\n#endif\noutgoingLight+=hairW*pow(1.-abs(dot(normal,normalize(vViewPosition))),4.)*diffuseColor.rgb*1.5;\n#include <opaque_fragment>',
      );
  });
}
