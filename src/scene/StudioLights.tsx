// Soft studio lighting from hand-placed lights only: no HDR files, nothing fetched. A warm key from the
// upper front-left, a cool fill, a rim from behind for the silhouette, and a sky/ground hemisphere so
// shadowed skin never goes grey.
export function StudioLights() {
  return (
    <>
      <hemisphereLight args={['#fff8f2', '#5b4d48', 0.9]} />
      <directionalLight position={[0.6, 0.9, 1.2]} intensity={2.1} color="#fff3e8" />
      <directionalLight position={[-1.0, 0.2, 0.8]} intensity={0.7} color="#e8f0ff" />
      <directionalLight position={[0.0, 0.6, -1.2]} intensity={1.0} color="#ffffff" />
      <ambientLight intensity={0.15} />
    </>
  );
}
