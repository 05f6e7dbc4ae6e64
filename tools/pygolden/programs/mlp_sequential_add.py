from keras.models import Sequential
from keras.layers import Dense, Dropout

num_pixels = 28 * 28
num_classes = 10

model = Sequential()
model.add(Dense(512, activation='relu', input_shape=(num_pixels,)))
model.add(Dropout(0.2))
model.add(Dense(512, activation='relu'))
model.add(Dropout(0.2))
model.add(Dense(num_classes, activation='softmax'))

model.summary()
print(model.input_shape, model.output_shape)
print(len(model.layers), [layer.name for layer in model.layers])
